package cn.shebao.counter.workstation.shell;

import cn.shebao.counter.workstation.screen.Screen;
import cn.shebao.counter.workstation.security.StaffSession;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which screens the logged-in person sees, in function-key order, and which one is open. Hiding is a courtesy;
 * services enforce. Two screens with one function key or one name are a wiring mistake and refused at once.
 */
final class NavigationModel {

    private final List<Screen> visible;
    private Screen selected;

    NavigationModel(StaffSession session, Collection<Screen> screens) {
        Set<Integer> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Screen screen : screens) {
            if (!keys.add(screen.functionKey()) || !names.add(screen.name())) {
                throw new IllegalArgumentException("two screens with the key " + screen.keyLabel() + " or the name " + screen.name());
            }
        }
        this.visible = screens.stream().filter(s -> s.visibleTo(session.roles()))
                .sorted(Comparator.comparingInt(Screen::functionKey)).toList();
        this.selected = visible.isEmpty() ? null : visible.get(0);
    }

    List<Screen> visibleScreens() {
        return visible;
    }

    Optional<Screen> selected() {
        return Optional.ofNullable(selected);
    }

    /** Selects a screen by name if the session may see it; a function key for a hidden screen does nothing. */
    boolean select(String name) {
        Optional<Screen> found = visible.stream().filter(s -> s.name().equals(name)).findFirst();
        found.ifPresent(s -> selected = s);
        return found.isPresent();
    }
}
