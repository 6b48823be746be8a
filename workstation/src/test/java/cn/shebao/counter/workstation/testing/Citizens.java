package cn.shebao.counter.workstation.testing;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.Gender;
import cn.shebao.counter.workstation.citizen.CitizenSummary;
import cn.shebao.counter.workstation.citizen.PersonStatus;
import java.time.LocalDate;
import java.util.UUID;

/** Citizens and cards for the headless tests of the screens' models: no database behind them. */
public final class Citizens {

    private Citizens() {
    }

    /** A contributing insured person of that name, with a new person id each time. */
    public static CitizenSummary person(String name) {
        return new CitizenSummary(UUID.randomUUID(), "3301**********1234", name, Gender.MALE, LocalDate.of(1970, 5, 1), "330102",
                PersonStatus.CONTRIBUTING);
    }

    /** 张三's second-generation ID card, valid today. */
    public static IdCard card() {
        return new IdCard("张三", Gender.MALE, "01", LocalDate.of(1970, 5, 1), "浙江省杭州市上城区", "330102197005011234", "杭州市公安局上城分局",
                LocalDate.now().minusYears(1), LocalDate.now().plusYears(9), CardType.RESIDENT, null, null);
    }
}
