package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.ui.Texts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.security.LoginOutcome;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginModelTest {

    private final Clock shanghai = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final LoginModel zh = new LoginModel(new Texts(Locale.SIMPLIFIED_CHINESE), shanghai);
    private final LoginModel en = new LoginModel(new Texts(Locale.ENGLISH), shanghai);
    private final StaffSession clerk = new StaffSession(UUID.randomUUID(), "chenjing", "陈静", EnumSet.of(StaffRole.CLERK));

    @Test
    void emptyFieldsAreCaughtBeforeAnyCheck() {
        assertThat(zh.validate(" ", "x".toCharArray())).hasValueSatisfying(m -> assertThat(m).contains("用户名"));
        assertThat(en.validate("chenjing", new char[0])).hasValueSatisfying(m -> assertThat(m).contains("password"));
        assertThat(zh.validate("chenjing", "x".toCharArray())).isEmpty();
    }

    @Test
    void successGoesToTheMainWindowOrToAPasswordChange() {
        assertThat(zh.judge(new LoginOutcome.Success(clerk, false)).next()).isEqualTo(LoginModel.Next.MAIN);
        LoginModel.Verdict change = zh.judge(new LoginOutcome.Success(clerk, true));
        assertThat(change.next()).isEqualTo(LoginModel.Next.CHANGE_PASSWORD);
        assertThat(change.session()).isEqualTo(clerk);
    }

    @Test
    void wrongPasswordSaysHowManyAttemptsAreLeft() {
        LoginModel.Verdict v = zh.judge(new LoginOutcome.WrongCredentials(3));
        assertThat(v.next()).isEqualTo(LoginModel.Next.STAY);
        assertThat(v.message()).contains("3");
        assertThat(en.judge(new LoginOutcome.WrongCredentials(1)).message()).contains("1 attempts left");
    }

    @Test
    void lockoutNamesTheLocalTimeItEnds() {
        // 01:15 UTC is 09:15 in Beijing: the clerk reads wall-clock time at the counter.
        LoginModel.Verdict v = zh.judge(new LoginOutcome.Locked(Instant.parse("2026-11-27T01:15:00Z")));
        assertThat(v.next()).isEqualTo(LoginModel.Next.STAY);
        assertThat(v.message()).contains("09:15").contains("锁定");
    }
}
