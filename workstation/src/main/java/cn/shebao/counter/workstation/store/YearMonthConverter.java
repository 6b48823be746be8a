package cn.shebao.counter.workstation.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.YearMonth;

/** Stores a month as the integer yyyymm (202501): compact, sortable, and the same on Derby and PostgreSQL. */
@Converter
public final class YearMonthConverter implements AttributeConverter<YearMonth, Integer> {

    @Override
    public Integer convertToDatabaseColumn(YearMonth month) {
        return month == null ? null : toInt(month);
    }

    @Override
    public YearMonth convertToEntityAttribute(Integer value) {
        return value == null ? null : YearMonth.of(value / 100, value % 100);
    }

    public static int toInt(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
