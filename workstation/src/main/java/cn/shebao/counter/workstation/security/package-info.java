/**
 * Staff: accounts, roles, password hashing, the login with its lockout policy, the session of a logged-in person and
 * their signing key.
 *
 * <p>Layer: Feature: uses audit and store.
 *
 * <p>Threads: Services: any thread but the Event Dispatch Thread; StaffSession is immutable.
 */
package cn.shebao.counter.workstation.security;
