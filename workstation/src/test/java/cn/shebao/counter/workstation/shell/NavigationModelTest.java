package cn.shebao.counter.workstation.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shebao.counter.workstation.auditview.AuditScreen;
import cn.shebao.counter.workstation.certificates.VerifyDocumentScreen;
import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.drugs.ApprovalsScreen;
import cn.shebao.counter.workstation.drugs.DrugsScreen;
import cn.shebao.counter.workstation.identity.IdentityScreen;
import cn.shebao.counter.workstation.records.LookupScreen;
import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.staff.StaffScreen;
import java.awt.event.KeyEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

/**
 * The navigation over the screens the features contribute, each with the roles it names. The screens are made
 * without services: a screen touches its services only when its panel is opened.
 */
class NavigationModelTest {

    /** Deliberately not in key order: the navigation orders by function key. */
    private static final List<Screen> SCREENS = List.of(StaffScreen.of(null), ShellScreens.settings(null, 0, null),
            LookupScreen.of(null), AuditScreen.of(null), IdentityScreen.of(null), DrugsScreen.of(null),
            ApprovalsScreen.of(null), ShellScreens.sync(null), VerifyDocumentScreen.of(null, null));

    private static NavigationModel of(StaffRole... roles) {
        return new NavigationModel(new StaffSession(UUID.randomUUID(), "u", "U", EnumSet.of(roles[0], roles)), SCREENS);
    }

    private static List<String> names(NavigationModel nav) {
        return nav.visibleScreens().stream().map(Screen::name).toList();
    }

    @Test
    void clerkSeesCounterWorkButNoApprovalsOrAudit() {
        NavigationModel nav = of(StaffRole.CLERK);
        assertThat(names(nav)).containsExactly(LookupScreen.NAME, IdentityScreen.NAME, DrugsScreen.NAME,
                VerifyDocumentScreen.NAME, ShellScreens.SYNC, ShellScreens.SETTINGS);
        assertThat(nav.select(ApprovalsScreen.NAME)).isFalse();
        assertThat(nav.selected()).map(Screen::name).contains(LookupScreen.NAME);
    }

    @Test
    void supervisorSeesApprovalsAndAudit() {
        NavigationModel nav = of(StaffRole.SUPERVISOR);
        assertThat(names(nav)).contains(ApprovalsScreen.NAME, AuditScreen.NAME).doesNotContain(IdentityScreen.NAME);
        assertThat(nav.select(ApprovalsScreen.NAME)).isTrue();
        assertThat(nav.selected()).map(Screen::name).contains(ApprovalsScreen.NAME);
    }

    @Test
    void adminSeesOnlyTechnicalScreens() {
        assertThat(names(of(StaffRole.ADMIN))).containsExactly(ShellScreens.SYNC, AuditScreen.NAME, ShellScreens.SETTINGS,
                StaffScreen.NAME);
    }

    @Test
    void rolesCombine() {
        assertThat(names(of(StaffRole.CLERK, StaffRole.SUPERVISOR))).contains(IdentityScreen.NAME, ApprovalsScreen.NAME);
    }

    @Test
    void theNavigationIsInFunctionKeyOrder() {
        assertThat(of(StaffRole.CLERK, StaffRole.SUPERVISOR, StaffRole.ADMIN).visibleScreens()).extracting(Screen::keyLabel)
                .containsExactly("F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F11");
    }

    @Test
    void twoScreensWithOneFunctionKeyAreRefused() {
        Screen second = new Screen("SECOND_F3", KeyEvent.VK_F3, Set.of(StaffRole.CLERK), context -> new JPanel());
        StaffSession clerk = new StaffSession(UUID.randomUUID(), "u", "U", EnumSet.of(StaffRole.CLERK));
        assertThatThrownBy(() -> new NavigationModel(clerk, List.of(IdentityScreen.of(null), second)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("F3");
    }

    @Test
    void aScreenSeenByNoRoleCannotBeMade() {
        assertThatThrownBy(() -> new Screen("NOBODY", KeyEvent.VK_F10, Set.of(), context -> new JPanel()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOBODY");
    }
}
