package cn.keyaccount.base.rest;

import cn.keyaccount.base.Validation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * PostgreSQL refuses the NUL character (U+0000) in text, so a JSON string holding one would end in a failed insert
 * (500). Every string of every JSON body is read through here, once for all resources: a NUL is refused while
 * reading, and {@link ErrorMappers} answers 422 naming the field by its path ({@code loads[0].name},
 * {@code parameters.text}). Query and path parameters are checked by {@link NulFreeParameters}.
 */
@Singleton
public class NulFreeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Strings()));
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (Validation.hasNul(value)) {
                throw new NulCharacterException(p);
            }
            return value;
        }
    }

    /**
     * A string with a NUL; Jackson adds the path of the field while it unwinds. A mismatched input, because the REST
     * layer passes those on to the mappers (other mapping errors it turns into a bare 400).
     */
    public static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser p) {
            super(p, "NUL character (U+0000) in a string", String.class);
        }
    }
}
