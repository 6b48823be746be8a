/**
 * The encrypted Derby replica and the database plumbing both sides use: boot keys and their protection (TPM, key
 * store), migrations, the Hibernate persistence unit (its entity list handed in from schema or central), storage
 * checks, key rotation, upgrades.
 *
 * <p>Layer: Store: below every feature; knows no entity of its own except the common base class DomainEntity.
 *
 * <p>Threads: Any thread but the Event Dispatch Thread (JDBC and file I/O).
 */
package cn.shebao.counter.workstation.store;
