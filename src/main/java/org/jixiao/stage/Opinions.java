package org.jixiao.stage;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opinion record of every stage (table {@code stage_opinion}): a stage's step records what its actor
 * decided; the stage reads the history of a subject in the order given.
 */
@Service
public class Opinions {

  private final StageOpinionRepository opinions;
  private final org.springframework.beans.factory.ObjectProvider<OpinionScreen> screens;

  Opinions(StageOpinionRepository opinions, org.springframework.beans.factory.ObjectProvider<OpinionScreen> screens) {
    this.opinions = opinions;
    this.screens = screens;
  }

  /** Records an opinion, given now. */
  @Transactional
  public StageOpinion record(Given given) {
    return opinions.save(new StageOpinion(given, OffsetDateTime.now()));
  }

  /** Every opinion on the subject, in the order given (also those recorded earlier in this transaction). */
  @Transactional(readOnly = true)
  public List<StageOpinion> ofSubject(SubjectType type, String code) {
    return opinions.findBySubjectTypeAndSubjectCodeOrderByGivenAtAscIdAsc(type, code);
  }

  /**
   * The opinions on the subject that a reader may see now (every stage's {@link OpinionScreen} applied), in the
   * order given: what an API or a form shows a user. The stages' own steps (a tally, a gate) read
   * {@link #ofSubject}.
   */
  @Transactional(readOnly = true)
  public List<StageOpinion> seenBy(SubjectType type, String code, org.jixiao.identity.Caller viewer) {
    List<StageOpinion> visible = ofSubject(type, code);
    for (OpinionScreen screen : screens.orderedStream().toList()) {
      visible = screen.visible(type, code, visible, viewer);
    }
    return visible;
  }

  /** The opinions on several subjects of one type, by subject code, each list in the order given. */
  @Transactional(readOnly = true)
  public Map<String, List<StageOpinion>> ofSubjects(SubjectType type, Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    return opinions.findBySubjectTypeAndSubjectCodeInOrderByGivenAtAscIdAsc(type, codes).stream()
        .collect(Collectors.groupingBy(StageOpinion::getSubjectCode, LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * An opinion as a step reports it. {@code round} is the goal version or the stage's round (null where it
   * counts none); {@code scores} and {@code conclusion} where the step gives them.
   */
  public record Given(Stage stage, Subject subject, Integer round, String step, String stepName, String actor,
      String actorRole, ReviewDecision decision, String comment, DimensionScores scores, String conclusion) {

    public Given {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(stepName, "step name");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(actorRole, "actor role");
      Objects.requireNonNull(decision, "decision");
    }
  }
}
