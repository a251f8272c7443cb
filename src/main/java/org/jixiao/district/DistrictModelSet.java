package org.jixiao.district;

import java.util.SortedMap;

/**
 * What one district deploys: resource name → content, already overlaid (a district file replaces every
 * shared file that defines one of its keys, or that has its name) and with the forms its models use.
 */
public record DistrictModelSet(District district, SortedMap<String, byte[]> resources) {}
