package org.jixiao.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's password policy ({@code enablePasswordPolicy}, Camunda's built-in rules: at least 10
 * characters with an upper-case and a lower-case letter, a digit and a special character, and none of the
 * user's id, names or e-mail) in Chinese, with the same words as the Admin webapp's checklist.
 */
public final class PasswordRules {

  private PasswordRules() {}

  /**
   * The rules {@code password} breaks for {@code user} (id, names, e-mail), in Chinese (e.g. "至少 10 个字符"),
   * empty if it may be used.
   */
  public static List<String> violations(IdentityService identity, String password, User user) {
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password == null ? "" : password, user);
    return result.isValid() ? List.of() : result.getViolatedRules().stream().map(PasswordRules::describe).toList();
  }

  static String describe(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "至少 " + p.get("minLength") + " 个字符";
      case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + p.get("minLowerCase") + " 个小写字母";
      case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + p.get("minUpperCase") + " 个大写字母";
      case "PASSWORD_POLICY_DIGIT" -> "至少 " + p.get("minDigit") + " 个数字";
      case "PASSWORD_POLICY_SPECIAL" -> "至少 " + p.get("minSpecial") + " 个特殊字符";
      case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或邮箱";
      default -> rule.getPlaceholder();
    };
  }

  /**
   * Saves a user without checking the policy: only for the demo profile's documented passwords ("demo").
   * The engine offers this only on its implementation class.
   */
  public static void saveIgnoringPolicy(IdentityService identity, User user) {
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }
}
