package org.emoaugnet.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Training seeds as an option takes them: comma-separated integers ({@code 1,2,3}); printed the same way in the help. */
record SeedList(List<Long> seeds) {
    SeedList {
        if (seeds.isEmpty()) throw new IllegalArgumentException("a seed list needs at least one seed");
        seeds = List.copyOf(seeds);
    }

    @Override
    public String toString() { return seeds.stream().map(String::valueOf).collect(Collectors.joining(",")); }

    /** The option's converter: a value that is not comma-separated integers is bad usage naming it. */
    static final class Converter implements CommandLine.ITypeConverter<SeedList> {
        @Override
        public SeedList convert(String value) {
            try {
                return new SeedList(Arrays.stream(value.split(",")).map(String::trim).map(Long::parseLong).toList());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("seeds are comma-separated integers, got '" + value + "'");
            }
        }
    }
}
