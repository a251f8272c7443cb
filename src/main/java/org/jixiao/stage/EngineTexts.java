package org.jixiao.stage;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;

/**
 * The texts a user's engine command would store, checked by {@link TextSafety} before it runs (called by
 * {@link EngineCommands}' interceptor for the outermost command of a REST call): comments, attachment names and
 * descriptions, a user's names and e-mail address, group, district (tenant) and filter names, a task's name and
 * description. A refusal is 400 naming the field; nothing is stored. Like {@link EngineCommands} it knows the
 * engine's command classes (by simple name) and their fields; a move to Operaton checks the names below.
 */
final class EngineTexts {

  private EngineTexts() {}

  /** Refuses the command if a text it writes is unsafe. */
  static void check(Object command) {
    for (Map.Entry<String, String> text : of(command).entrySet()) {
      TextSafety.refusal(text.getKey(), text.getValue()).ifPresent(message -> {
        throw new TaskActionRefused(message);
      });
    }
  }

  /** The texts the command writes, by a name a user recognises; empty for every other command. */
  static Map<String, String> of(Object command) {
    Map<String, String> texts = new LinkedHashMap<>();
    switch (command.getClass().getSimpleName()) {
      case "AddCommentCmd", "UpdateCommentCmd" -> texts.put("评论内容", (String) field(command, "message"));
      case "CreateAttachmentCmd" -> {
        texts.put("附件名称", (String) field(command, "attachmentName"));
        texts.put("附件说明", (String) field(command, "attachmentDescription"));
        texts.put("附件类型", (String) field(command, "attachmentType"));
        texts.put("附件链接", (String) field(command, "url"));
      }
      case "SaveAttachmentCmd" -> {
        Attachment attachment = (Attachment) field(command, "attachment");
        if (attachment != null) {
          texts.put("附件名称", attachment.getName());
          texts.put("附件说明", attachment.getDescription());
        }
      }
      case "SaveUserCmd" -> {
        User user = (User) field(command, "user");
        if (user != null) {
          texts.put("名", user.getFirstName());
          texts.put("姓", user.getLastName());
          texts.put("电子邮箱", user.getEmail());
        }
      }
      case "SaveGroupCmd" -> {
        Group group = (Group) field(command, "group");
        if (group != null) {
          texts.put("组名称", group.getName());
          texts.put("组类型", group.getType());
        }
      }
      case "SaveTenantCmd" -> {
        Tenant tenant = (Tenant) field(command, "tenant");
        if (tenant != null) {
          texts.put("辖区名称", tenant.getName());
        }
      }
      case "SaveFilterCmd" -> {
        Filter filter = (Filter) field(command, "filter");
        if (filter != null) {
          texts.put("过滤器名称", filter.getName());
          if (filter.getProperties() != null) {
            filter.getProperties().forEach((key, value) -> {
              if (value instanceof String s) {
                texts.put("过滤器属性 " + key, s);
              }
            });
          }
        }
      }
      case "SaveTaskCmd" -> {
        Task task = (Task) field(command, "task");
        if (task != null) {
          texts.put("事项名称", task.getName());
          texts.put("事项说明", task.getDescription());
        }
      }
      default -> { }
    }
    return texts;
  }

  private static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("engine command " + command.getClass().getName() + " has no field " + name
        + " (engine version changed? see EngineTexts)");
  }
}
