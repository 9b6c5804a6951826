/**
 * Reserve standards (分级分类储备标准) and yearly reserve plans (储备计划): the target each warehouse
 * should hold of each material, computed from its level's standard and the residents it serves, and
 * editable; plan completion = usable stock on hand / target, with a shortfall list.
 */
package org.reliefchain.plan;
