package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.security.StaffSession;
import java.util.Arrays;
import java.util.List;

/** Which features the logged-in person sees, and which one is open. Hiding is a courtesy; services enforce. */
final class NavigationModel {

    private final List<Feature> visible;
    private Feature selected;

    NavigationModel(StaffSession session) {
        this.visible = Arrays.stream(Feature.values()).filter(f -> f.visibleTo(session.roles())).toList();
        this.selected = visible.isEmpty() ? null : visible.get(0);
    }

    List<Feature> visibleFeatures() {
        return visible;
    }

    Feature selected() {
        return selected;
    }

    /** Selects a feature if the session may see it; a function key for a hidden feature does nothing. */
    boolean select(Feature feature) {
        if (!visible.contains(feature)) {
            return false;
        }
        selected = feature;
        return true;
    }
}
