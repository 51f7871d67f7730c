package dev.sluice.hadoop;

import java.util.Objects;
import java.util.function.Function;
import org.apache.hadoop.io.BooleanWritable;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;

/**
 * Turns a record's key or value into the {@link Writable} that Hadoop's output formats write,
 * and names its class (a sequence file's header records the key and value classes). The
 * built-in converters cover Java's common types; {@link #identity} passes your own
 * {@code Writable}s through, and {@link #of} takes any conversion.
 *
 * <pre>{@code
 * WritableConverter<String, Text> words = WritableConverter.strings();
 * WritableConverter<Reading, ReadingWritable> readings = WritableConverter.of(ReadingWritable.class, ReadingWritable::new);
 * }</pre>
 *
 * @param <T> the type of the record's key or value
 * @param <W> the Writable it becomes
 */
public interface WritableConverter<T, W extends Writable> {

    /** The class of the Writables {@link #convert} returns, as the output format declares it. */
    Class<W> writableClass();

    /** The Writable of {@code value}; never null (use {@link #nulls()} for no key). */
    W convert(T value);

    /** Any conversion to {@code writableClass}. */
    static <T, W extends Writable> WritableConverter<T, W> of(Class<W> writableClass, Function<? super T, ? extends W> convert) {
        Objects.requireNonNull(writableClass, "writableClass");
        Objects.requireNonNull(convert, "convert");
        return new WritableConverter<>() {
            @Override
            public Class<W> writableClass() {
                return writableClass;
            }

            @Override
            public W convert(T value) {
                return convert.apply(value);
            }
        };
    }

    /** Your own Writables, written as they are. */
    static <W extends Writable> WritableConverter<W, W> identity(Class<W> writableClass) {
        return of(writableClass, value -> value);
    }

    /** A string as {@link Text} (UTF-8). */
    static WritableConverter<String, Text> strings() {
        return of(Text.class, Text::new);
    }

    /** Any value as the {@link Text} of its {@code toString()}. */
    static WritableConverter<Object, Text> text() {
        return of(Text.class, value -> new Text(String.valueOf(value)));
    }

    /** An integer as an {@link IntWritable}. */
    static WritableConverter<Integer, IntWritable> ints() {
        return of(IntWritable.class, IntWritable::new);
    }

    /** A long as a {@link LongWritable}. */
    static WritableConverter<Long, LongWritable> longs() {
        return of(LongWritable.class, LongWritable::new);
    }

    /** A double as a {@link DoubleWritable}. */
    static WritableConverter<Double, DoubleWritable> doubles() {
        return of(DoubleWritable.class, DoubleWritable::new);
    }

    /** A boolean as a {@link BooleanWritable}. */
    static WritableConverter<Boolean, BooleanWritable> booleans() {
        return of(BooleanWritable.class, BooleanWritable::new);
    }

    /** A byte array as a {@link BytesWritable}. */
    static WritableConverter<byte[], BytesWritable> bytes() {
        return of(BytesWritable.class, BytesWritable::new);
    }

    /** Nothing, whatever the value: {@link NullWritable}, which text output leaves out. */
    static WritableConverter<Object, NullWritable> nulls() {
        return of(NullWritable.class, value -> NullWritable.get());
    }
}
