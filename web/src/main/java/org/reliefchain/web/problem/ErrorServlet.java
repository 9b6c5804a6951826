package org.reliefchain.web.problem;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's error page (web.xml). An {@code /api} client gets problem+json, a browser a short
 * page in the UI's style; neither ever sees a stack trace.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> status >= 500 ? "Internal error" : "Error";
        };
        res.setStatus(status);
        res.setCharacterEncoding("UTF-8");
        if (uri.startsWith(req.getContextPath() + "/api")) {
            res.setContentType(Problem.MEDIA_TYPE);
            res.getWriter().write(Problem.json(status >= 500 ? "internal" : "http-" + status, title, status,
                    status >= 500 ? "the server failed" : title));
        } else {
            res.setContentType("text/html");
            res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>"
                    + status + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + status
                    + " " + title + "</h1><p><a href=\"" + req.getContextPath() + "/app/index.xhtml\">返回首页 / Home</a>"
                    + "</p></body></html>");
        }
    }
}
