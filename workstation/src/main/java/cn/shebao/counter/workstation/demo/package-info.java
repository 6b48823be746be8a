/**
 * Demo data and the demo central service: generated persons, staff, cards and a local central, all marked as demo.
 *
 * <p>Layer: Composition: beside app; used only in demo mode, the generator and the tests.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread.
 */
package cn.shebao.counter.workstation.demo;
