package cn.shebao.counter.device;

import cn.shebao.counter.device.card.CardType;
import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.CitizenIdNumber;
import cn.shebao.counter.device.id.Gender;
import java.time.LocalDate;

/** Cards shared by the reader tests. */
public final class TestCards {

    public static final IdCard CARD = new IdCard("司马昇", Gender.MALE, "01", LocalDate.of(1972, 5, 17), "浙江省杭州市拱墅区丽水路58号",
            CitizenIdNumber.of("330105", LocalDate.of(1972, 5, 17), 35).value(), "杭州市公安局拱墅分局",
            LocalDate.of(2012, 8, 1), LocalDate.of(2032, 8, 1), CardType.RESIDENT, null, null);

    private TestCards() {
    }
}
