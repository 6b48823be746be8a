package cn.shebao.counter.workstation.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.ReadFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status line the ID reader and the chip readers share: a reader connecting never hides the card just read. */
class ReaderStatusTest {

    @Test
    void aChipReaderConnectingAfterACardWasPresentedLeavesTheCardStateShown() {
        ReaderStatus status = new ReaderStatus();
        List<ReaderStatus.State> shown = new ArrayList<>();
        status.addListener(shown::add);
        status.configured(true);
        status.accept(new CardEvent.ReaderConnected("simulator"));
        status.accept(new CardEvent.CardPresented());
        status.accept(new CardEvent.ReaderConnected("Virtual PCD 00 00"));
        assertThat(status.state()).isEqualTo(ReaderStatus.State.CARD_PRESENT);
        status.accept(new CardEvent.ReadFailed(ReadFailure.values()[0], "test"));
        status.accept(new CardEvent.ReaderConnected("Virtual PCD 00 01"));
        assertThat(status.state()).isEqualTo(ReaderStatus.State.READ_FAILED);
        status.accept(new CardEvent.CardRemoved());
        assertThat(status.state()).isEqualTo(ReaderStatus.State.SIMULATED);
        status.accept(new CardEvent.ReaderLost("simulator", "unplugged"));
        status.accept(new CardEvent.ReaderConnected("simulator"));
        assertThat(status.state()).isEqualTo(ReaderStatus.State.SIMULATED);
        assertThat(shown).containsExactly(ReaderStatus.State.CONNECTING, ReaderStatus.State.SIMULATED,
                ReaderStatus.State.CARD_PRESENT, ReaderStatus.State.READ_FAILED, ReaderStatus.State.SIMULATED,
                ReaderStatus.State.LOST, ReaderStatus.State.SIMULATED);
    }
}
