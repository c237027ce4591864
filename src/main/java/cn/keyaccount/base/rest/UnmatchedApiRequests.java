package cn.keyaccount.base.rest;

import cn.keyaccount.base.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A request under /api that no JAX-RS resource serves is passed on to the servlet container, where the Vaadin
 * servlet would answer it with an HTML page. This filter answers it with the API's JSON 404 instead.
 */
@WebFilter(urlPatterns = "/api/*")
public class UnmatchedApiRequests extends HttpFilter {

    @Inject
    ObjectMapper json;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Locale locale = request.getHeader("Accept-Language") == null ? Messages.CHINESE : request.getLocale();
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                new ErrorBody(404, "not_found", Messages.get(locale, "error.not-found"), List.of()));
    }
}
