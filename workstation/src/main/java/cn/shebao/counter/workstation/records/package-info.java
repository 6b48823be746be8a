/**
 * The record screen: finding a citizen, choosing the purpose, and the record view whose tabs come from citizen and
 * the features that own them.
 *
 * <p>Layer: Feature, above citizen, drugs and retirement: none of them knows it; its screen meets the screen contract.
 *
 * <p>Threads: Event Dispatch Thread; reads go through the screen's UiTasks (searching and opening each a lane).
 */
package cn.shebao.counter.workstation.records;
