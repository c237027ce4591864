package cn.keyaccount.outage;

import cn.keyaccount.network.SupplyLine;
import java.util.List;
import java.util.Set;

/**
 * The lines one outage cuts, looked up once per save and passed along: every cut line's id (the lines named one by
 * one and those of the whole substations named), the lines named one by one, and how the notices name them — each
 * whole substation by name, then the other lines by code.
 */
record CutLines(Set<Long> ids, List<SupplyLine> named, List<String> substationNames, List<String> lineCodes) {
}
