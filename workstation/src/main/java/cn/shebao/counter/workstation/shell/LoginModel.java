package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** What the login window says and does next for each outcome; no Swing here, so it is tested headless. */
final class LoginModel {

    enum Next { MAIN, CHANGE_PASSWORD, STAY }

    record Verdict(Next next, String message, StaffSession session) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Texts texts;
    private final Clock clock;

    LoginModel(Texts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /** A message when the form cannot be submitted yet. */
    Optional<String> validate(String username, char[] password) {
        if (username == null || username.isBlank()) {
            return Optional.of(texts.text("login.error.usernameRequired"));
        }
        if (password.length == 0) {
            return Optional.of(texts.text("login.error.passwordRequired"));
        }
        return Optional.empty();
    }

    Verdict judge(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.Success s) {
            return s.mustChangePassword()
                    ? new Verdict(Next.CHANGE_PASSWORD, texts.text("login.mustChange"), s.session())
                    : new Verdict(Next.MAIN, "", s.session());
        }
        if (outcome instanceof LoginOutcome.Locked l) {
            return new Verdict(Next.STAY, texts.text("login.error.locked", TIME.format(l.until().atZone(clock.getZone()))), null);
        }
        LoginOutcome.WrongCredentials w = (LoginOutcome.WrongCredentials) outcome;
        return new Verdict(Next.STAY, texts.text("login.error.wrong", w.attemptsLeft()), null);
    }
}
