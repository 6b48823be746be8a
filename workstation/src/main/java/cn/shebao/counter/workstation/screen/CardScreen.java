package cn.shebao.counter.workstation.screen;

import cn.shebao.counter.device.card.IdCard;

/**
 * A screen's panel that takes the ID card read on the reader. A card goes to the showing screen when it takes cards;
 * otherwise the first screen in navigation order that takes cards (the record lookup) is shown and gets it.
 */
public interface CardScreen {

    /** Called on the Event Dispatch Thread, after the clerk agreed to replace a citizen whose input was unsaved. */
    void cardRead(IdCard card);

    /** True while a citizen's record is open on this screen: logging out asks first. */
    default boolean recordOpen() {
        return false;
    }
}
