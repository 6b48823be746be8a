package cn.shebao.counter.device.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.device.reader.CardEvent;
import cn.shebao.counter.device.reader.ReadFailure;
import cn.shebao.counter.device.sim.VirtualHolderCard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Social security and citizen cards through the real pcscd: our virtual card in vsmartcard's virtual reader, read by
 * the same watcher the workstation uses. Every test waits on the events, never on time.
 */
class PcscHolderCardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final String ZHANG = CitizenIdNumber.of("330106", LocalDate.of(1968, 5, 17), 23).value();
    private static final String LI = CitizenIdNumber.of("330108", LocalDate.of(1990, 2, 1), 44).value();
    private static final byte[] CITY_AID = HexFormat.of().parseHex("A000000632010105");

    private PcscCardReader reader;
    private final BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
    private final List<VirtualHolderCard> inserted = new ArrayList<>();

    @BeforeAll
    static void virtualReaders() {
        VirtualReaders.requireRunning();
    }

    @BeforeEach
    void watch() throws Exception {
        start(List.of(CardLayout.socialSecurityCard()));
    }

    private void start(List<CardLayout> layouts) throws Exception {
        if (reader != null) {
            reader.close();
        }
        // The card of the test before is out as far as pcscd knows, or the new watch would begin by reading it.
        for (javax.smartcardio.CardTerminal t : PcscTerminals.open().list()) {
            assertThat(t.waitForCardAbsent(20_000)).as(t.getName() + " empty").isTrue();
        }
        events.clear();
        reader = new PcscCardReader(PcscTerminals.open(), new HolderCardReader(layouts, SecurityModule.NONE),
                Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
        reader.addListener(events::add);
        reader.start();
        List<String> connected = new ArrayList<>();
        while (connected.size() < 2) {
            connected.add(next(CardEvent.ReaderConnected.class).port());
        }
        assertThat(connected).contains(VirtualReaders.FIRST, VirtualReaders.SECOND);
    }

    @AfterEach
    void stop() throws Exception {
        for (VirtualHolderCard c : inserted) {
            c.remove();
        }
        reader.close();
    }

    private static VirtualHolderCard zhang() {
        return VirtualHolderCard.socialSecurityCard(ZHANG, "张三丰", Gender.MALE, "01", LocalDate.of(1968, 5, 17), "A12345678",
                LocalDate.of(2019, 6, 1), LocalDate.of(2029, 5, 31));
    }

    private VirtualHolderCard insert(VirtualHolderCard card, int slot) throws Exception {
        inserted.add(card);
        return card.insert(slot);
    }

    /** The next event of {@code type}, the ones before it passed over; at most 30 s (a loaded machine). */
    private <T extends CardEvent> T next(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<CardEvent> passed = new ArrayList<>();
        while (System.nanoTime() < end) {
            CardEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            if (e != null) {
                passed.add(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 30 s; saw " + passed);
    }

    private ReadFailure failureFor(VirtualHolderCard card) throws Exception {
        insert(card, VirtualReaders.FIRST_SLOT);
        next(CardEvent.CardPresented.class);
        CardEvent.ReadFailed failed = next(CardEvent.ReadFailed.class);
        assertThat(failed.reason().message(Locale.SIMPLIFIED_CHINESE)).isNotBlank();
        return failed.reason();
    }

    @Test
    void aSocialSecurityCardIsReadFieldByFieldAndItsRemovalSeen() throws Exception {
        VirtualHolderCard card = insert(zhang(), VirtualReaders.FIRST_SLOT);
        next(CardEvent.CardPresented.class);
        HolderCard read = next(CardEvent.HolderCardRead.class).card();
        assertThat(read).isEqualTo(new HolderCard("社会保障卡", "A12345678", "330100000000", LocalDate.of(2019, 6, 1),
                LocalDate.of(2029, 5, 31), ZHANG, "张三丰", Gender.MALE, "01", LocalDate.of(1968, 5, 17)));
        assertThat(read.toString()).doesNotContain(ZHANG).doesNotContain("张三丰");
        card.remove();
        next(CardEvent.CardRemoved.class);
    }

    @Test
    void twoCardsOneAfterTheOtherAreEachReadOnce() throws Exception {
        VirtualHolderCard first = insert(zhang(), VirtualReaders.FIRST_SLOT);
        assertThat(next(CardEvent.HolderCardRead.class).card().idNumber()).isEqualTo(ZHANG);
        first.remove();
        next(CardEvent.CardRemoved.class);
        insert(VirtualHolderCard.socialSecurityCard(LI, "李娜", Gender.FEMALE, "01", LocalDate.of(1990, 2, 1), "B87654321",
                LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1)), VirtualReaders.FIRST_SLOT);
        HolderCard second = next(CardEvent.HolderCardRead.class).card();
        assertThat(second.idNumber()).isEqualTo(LI);
        assertThat(second.gender()).isEqualTo(Gender.FEMALE);
        assertThat(events.stream().filter(CardEvent.HolderCardRead.class::isInstance)).as("one read per presentation").isEmpty();
    }

    @Test
    void aCardInTheSecondReaderIsReadToo() throws Exception {
        insert(zhang(), VirtualReaders.SECOND_SLOT);
        assertThat(next(CardEvent.HolderCardRead.class).card().cardNumber()).isEqualTo("A12345678");
    }

    @Test
    void aCardPulledOutMidReadIsSaidToBeRemoved() throws Exception {
        VirtualHolderCard card = zhang().pulledAfter(4);
        assertThat(failureFor(card)).isEqualTo(ReadFailure.CARD_REMOVED);
        assertThat(card.commandsAnswered()).isEqualTo(4);
        next(CardEvent.CardRemoved.class);
    }

    @Test
    void aLockedCardACardOfAnotherApplicationAndAnExpiredCardEachGetTheirReason() throws Exception {
        assertThat(failureFor(zhang().in(VirtualHolderCard.Condition.LOCKED))).isEqualTo(ReadFailure.CARD_LOCKED);
        inserted.get(0).remove();
        next(CardEvent.CardRemoved.class);
        assertThat(failureFor(zhang().in(VirtualHolderCard.Condition.OTHER_APPLICATION))).isEqualTo(ReadFailure.WRONG_APPLICATION);
        inserted.get(1).remove();
        next(CardEvent.CardRemoved.class);
        VirtualHolderCard expired = VirtualHolderCard.socialSecurityCard(ZHANG, "张三丰", Gender.MALE, "01", LocalDate.of(1968, 5, 17),
                "A12345678", LocalDate.of(2015, 6, 1), LocalDate.of(2025, 5, 31));
        assertThat(failureFor(expired)).isEqualTo(ReadFailure.CARD_EXPIRED);
    }

    @Test
    void aCardThatDemandsAPsamIsRefusedInWordsWhenNoneIsFitted() throws Exception {
        assertThat(failureFor(zhang().in(VirtualHolderCard.Condition.NEEDS_PSAM))).isEqualTo(ReadFailure.NO_SECURITY_MODULE);
        assertThat(ReadFailure.NO_SECURITY_MODULE.message(Locale.SIMPLIFIED_CHINESE)).contains("PSAM");
    }

    @Test
    void aCitysCitizenCardIsReadWithTheLayoutFromItsFile() throws Exception {
        Properties city = new Properties();
        city.setProperty("card.name", "杭州市民卡");
        city.setProperty("card.aid", HexFormat.of().formatHex(CITY_AID));
        start(List.of(CardLayout.socialSecurityCard(), CardLayout.fromProperties(city)));
        insert(zhang().withApplication(CITY_AID), VirtualReaders.FIRST_SLOT);
        HolderCard read = next(CardEvent.HolderCardRead.class).card();
        assertThat(read.layout()).isEqualTo("杭州市民卡");
        assertThat(read.idNumber()).isEqualTo(ZHANG);
    }
}
