/**
 * The insured person and what is recorded about them: entities, the search by ID number or name, the audited opening
 * of a record and its tabs.
 *
 * <p>Layer: Feature: uses audit, security and store; other features add their own tabs through CitizenRecords.read.
 *
 * <p>Threads: Entities and value types: any thread; CitizenRecords and CitizenSearch: any thread but the Event
 * Dispatch Thread.
 */
package cn.shebao.counter.workstation.citizen;
