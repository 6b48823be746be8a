package cn.shebao.counter.workstation.ui;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and amounts look on screen: ISO dates and grouped amounts, the same in both languages. */
public final class Formats {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    public static String month(YearMonth m) {
        return m == null ? "" : MONTH.format(m);
    }

    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : MINUTE.format(t.atZone(zone));
    }

    public static String money(BigDecimal amount) {
        return amount == null ? "" : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
