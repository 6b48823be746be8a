package cn.shebao.counter.workstation.screen;

import cn.shebao.counter.workstation.citizen.ServedCitizen;
import cn.shebao.counter.workstation.security.StaffSession;
import cn.shebao.counter.workstation.ui.Texts;

/**
 * What every screen is opened with besides its own services: the texts in the UI's language, the person logged in,
 * and the citizen in front of the clerk, shared by all screens of one login.
 */
public record ScreenContext(Texts texts, StaffSession session, ServedCitizen served) {
}
