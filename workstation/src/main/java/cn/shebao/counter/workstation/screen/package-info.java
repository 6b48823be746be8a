/**
 * The contract a feature's screen meets, as {@code command.FeatureContribution} is for its entities and commands: a
 * {@link cn.shebao.counter.workstation.screen.Screen} (name, function key, the roles that see it, how its panel is
 * made), the {@link cn.shebao.counter.workstation.screen.ScreenContext} every panel is opened with, and
 * {@link cn.shebao.counter.workstation.screen.CardScreen} for screens that take the card read on the reader. The shell
 * knows screens only through these types, so a new screen needs no change in the shell.
 *
 * <p>Layer: Feature, above citizen and security (the context carries the session and the citizen served); every
 * feature with a screen uses it, none of them is used by it.
 *
 * <p>Threads: Screens are opened, and cards given to them, on the Event Dispatch Thread.
 */
package cn.shebao.counter.workstation.screen;
