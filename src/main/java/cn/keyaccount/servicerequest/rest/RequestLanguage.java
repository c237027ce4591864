package cn.keyaccount.servicerequest.rest;

import cn.keyaccount.base.Messages;
import cn.keyaccount.servicerequest.RequestDetails;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/**
 * Every request answered by the API (one request, or a request just raised, started, handed off, closed …) carries
 * an answer the suite wrote in the caller's language (Accept-Language: {@code en} or Chinese, the default) besides
 * its key and the text typed with it ({@code answerKey}, {@code answerArgument}); so do the history's closings.
 */
@Provider
public class RequestLanguage implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof RequestDetails details) {
            List<Locale> accepted = request.getAcceptableLanguages();
            Locale locale = accepted.isEmpty() || "*".equals(accepted.getFirst().getLanguage()) ? Messages.CHINESE
                    : accepted.getFirst();
            response.setEntity(details.inLanguage(locale));
        }
    }
}
