package cn.shebao.counter.workstation.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.workstation.command.StaffRole;
import cn.shebao.counter.workstation.security.StaffSession;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NavigationModelTest {

    private static NavigationModel of(StaffRole... roles) {
        return new NavigationModel(new StaffSession(UUID.randomUUID(), "u", "U", EnumSet.of(roles[0], roles)));
    }

    @Test
    void clerkSeesCounterWorkButNoApprovalsOrAudit() {
        NavigationModel nav = of(StaffRole.CLERK);
        assertThat(nav.visibleFeatures()).containsExactly(Feature.CITIZEN_LOOKUP, Feature.IDENTITY, Feature.SPECIAL_DRUGS,
                Feature.CERTIFICATES, Feature.SYNC, Feature.SETTINGS);
        assertThat(nav.select(Feature.APPROVALS)).isFalse();
        assertThat(nav.selected()).isEqualTo(Feature.CITIZEN_LOOKUP);
    }

    @Test
    void supervisorSeesApprovalsAndAudit() {
        NavigationModel nav = of(StaffRole.SUPERVISOR);
        assertThat(nav.visibleFeatures()).contains(Feature.APPROVALS, Feature.AUDIT).doesNotContain(Feature.IDENTITY);
        assertThat(nav.select(Feature.APPROVALS)).isTrue();
        assertThat(nav.selected()).isEqualTo(Feature.APPROVALS);
    }

    @Test
    void adminSeesOnlyTechnicalFeatures() {
        assertThat(of(StaffRole.ADMIN).visibleFeatures()).containsExactly(Feature.SYNC, Feature.AUDIT, Feature.SETTINGS, Feature.STAFF);
    }

    @Test
    void rolesCombine() {
        assertThat(of(StaffRole.CLERK, StaffRole.SUPERVISOR).visibleFeatures()).contains(Feature.IDENTITY, Feature.APPROVALS);
    }

    @Test
    void functionKeysAreDistinct() {
        assertThat(EnumSet.allOf(Feature.class).stream().map(Feature::functionKey).distinct().count())
                .isEqualTo(Feature.values().length);
    }
}
