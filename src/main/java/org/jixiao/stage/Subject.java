package org.jixiao.stage;

import java.util.Objects;

/** The record an opinion is given on: its type, its id in its own table and its code (the business key). */
public record Subject(SubjectType type, long id, String code) {

  public Subject {
    Objects.requireNonNull(type, "subject type");
    Objects.requireNonNull(code, "subject code");
  }
}
