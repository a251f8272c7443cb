package org.jixiao.stage;

import java.util.List;
import org.jixiao.identity.Caller;

/**
 * A stage's rule for which opinions a reader may not see yet (an expert must not read the other experts'
 * votes while their panel is open). {@link Opinions#seenBy} applies every screen; the record itself keeps all.
 */
public interface OpinionScreen {

  /** The opinions of the subject the viewer may see now, in the order given. */
  List<StageOpinion> visible(SubjectType type, String code, List<StageOpinion> opinions, Caller viewer);
}
