package cn.shebao.counter.workstation.security;

import cn.shebao.counter.workstation.command.StaffRole;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles as a sorted comma list ("CLERK,SUPERVISOR"): a handful of values that always travel with the user row. */
@Converter
public final class StaffRolesConverter implements AttributeConverter<Set<StaffRole>, String> {

    @Override
    public String convertToDatabaseColumn(Set<StaffRole> roles) {
        return roles == null ? "" : roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<StaffRole> convertToEntityAttribute(String value) {
        EnumSet<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).map(String::strip).map(StaffRole::valueOf).forEach(roles::add);
        }
        return roles;
    }
}
