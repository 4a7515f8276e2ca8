package dev.glaze.core.spi;

import java.util.Collection;
import java.util.List;

/**
 * How one image property's value is written on the wire (always a string, Glance's rule for extra properties) and
 * what type glaze gives it in scripts. The factories cover what providers use; each codec's
 * {@link #encode(Object)} gives back exactly the text {@link #decode(String)} read, so reading a value and
 * assigning it again changes nothing.
 *
 * <pre>{@code
 * PropertyCodec<Boolean> flag = PropertyCodec.booleanAsString("1", "0");          // Rackspace build flags
 * PropertyCodec<LocalDateTime> built = PropertyCodec.dateTime("yyyy-MM-dd_HH-mm-ss");
 * flag.decode("1");   // true
 * built.encode(LocalDateTime.of(2014, 3, 19, 10, 50, 10));   // "2014-03-19_10-50-10"
 * }</pre>
 *
 * @param <T> the type scripts see
 */
public interface PropertyCodec<T> {
    /** The type scripts read and may assign. */
    Class<T> type();

    /**
     * The value of the wire text.
     *
     * @throws IllegalArgumentException when the text is not of this form, with a message saying which form
     */
    T decode(String wire);

    /** The wire text of a value of {@link #type()}. */
    String encode(T value);

    /** The form, for messages and {@code :plugins}: e.g. {@code boolean as '1'/'0'}. */
    String describe();

    /** Wire texts that decode and encode back unchanged; the contract spec round-trips them. */
    List<String> samples();

    /**
     * A value a script assigned, as {@link #type()}: the type itself, or its wire text. Override to accept more
     * (the integer codec takes any whole number).
     *
     * @throws IllegalArgumentException for anything else
     */
    default T coerce(Object value) {
        if (type().isInstance(value)) {
            return type().cast(value);
        }
        if (value instanceof CharSequence) {
            return decode(value.toString());
        }
        throw new IllegalArgumentException("takes " + describe() + ", not " + value.getClass().getSimpleName()
                + " " + value);
    }

    /** Any text, as is. */
    static PropertyCodec<String> string() {
        return Codecs.STRING;
    }

    /** One of a few texts, compared exactly (e.g. Rackspace's {@code auto_disk_config}: True, False, disabled). */
    static PropertyCodec<String> oneOf(String... values) {
        return new Codecs.OneOf(List.of(values));
    }

    /** A whole number written as text ({@code "1003"}), as a {@link Long}. */
    static PropertyCodec<Long> integerAsString() {
        return Codecs.INTEGER;
    }

    /** A flag written as one of two texts, in the provider's spelling ({@code "1"}/{@code "0"}, {@code "True"}/{@code "False"}). */
    static PropertyCodec<Boolean> booleanAsString(String trueText, String falseText) {
        return new Codecs.Flag(trueText, falseText);
    }

    /**
     * As {@link #booleanAsString(String, String)}, also reading other spellings (any case, blanks around ignored), as
     * the consumer of the property reads them: e.g. Nova's {@code bool_from_string} takes {@code yes}, {@code on},
     * {@code 1}; the value is still written as {@code trueText} or {@code falseText}.
     */
    static PropertyCodec<Boolean> booleanAsString(String trueText, String falseText, Collection<String> alsoTrue,
            Collection<String> alsoFalse) {
        return new Codecs.Flag(trueText, falseText, alsoTrue, alsoFalse);
    }

    /** A date and time without a zone, in a {@link java.time.format.DateTimeFormatter} pattern, as a {@link java.time.LocalDateTime}. */
    static PropertyCodec<java.time.LocalDateTime> dateTime(String pattern) {
        return new Codecs.DateTime(pattern);
    }

    /** A day without a time, in a {@link java.time.format.DateTimeFormatter} pattern, as a {@link java.time.LocalDate}. */
    static PropertyCodec<java.time.LocalDate> date(String pattern) {
        return new Codecs.Day(pattern);
    }

    /** JSON written as text, as plain Java (maps, lists, strings, numbers, booleans). */
    static PropertyCodec<Object> json() {
        return Codecs.JSON;
    }
}
