package org.jixiao.district;

/**
 * A jurisdiction (区县/辖区) that runs its own models. Its id is the name of its folder under
 * {@code processes/districts/} and the id of its Camunda tenant.
 */
public record District(String id, String name, String fullName) {}
