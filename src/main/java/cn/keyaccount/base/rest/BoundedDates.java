package cn.keyaccount.base.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times in JSON bodies lie in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. Java reads years up
 * to ±999,999,999, PostgreSQL stores timestamps only up to 294276: a date beyond would end in a failed statement
 * (500). Checked while reading, once for all resources; {@link ErrorMappers} answers 422 naming the field.
 */
@Singleton
class BoundedDates implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("bounded-dates").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(description.getBeanClass())
                        ? new YearChecked(deserializer) : deserializer;
            }
        }));
    }

    /** The date or time as Jackson reads it, then its year checked. */
    static final class YearChecked extends DelegatingDeserializer {

        YearChecked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new YearChecked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof TemporalAccessor t && t.isSupported(ChronoField.YEAR)) {
                int year = t.get(ChronoField.YEAR);
                if (year < FIRST_YEAR || year > LAST_YEAR) {
                    throw new YearOutOfRangeException(p);
                }
            }
            return value;
        }
    }

    /** A date outside the years stored; Jackson adds the field's path while it unwinds. */
    public static final class YearOutOfRangeException extends MismatchedInputException {

        YearOutOfRangeException(JsonParser p) {
            super(p, "year outside " + FIRST_YEAR + ".." + LAST_YEAR, TemporalAccessor.class);
        }
    }
}
