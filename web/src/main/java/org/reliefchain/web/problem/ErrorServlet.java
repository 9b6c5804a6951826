package org.reliefchain.web.problem;

import java.io.IOException;
import java.util.UUID;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.OutsideJurisdictionException;

/**
 * The container's error page (web.xml). An {@code /api} client gets problem+json, a browser a short
 * page in the UI's style; neither ever sees a stack trace. A page that failed because the user may not
 * see what it shows (their role, their jurisdiction) or because it does not exist answers 403 or 404 with
 * "not found or not yours", not a server error; anything else unexpected is logged under an incident id
 * the page quotes.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String uri = String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String incident = null;
        boolean expired = false;
        boolean databaseDown = false;
        if (status >= 500 && error != null) {
            if (ProblemMapper.isDatabaseUnreachable(error)) {
                // Outside JAX-RS too (a sign-in reads the user's account, a page its data): an outage that passes
                // is told as one, with when to try again, not as a defect with an incident id.
                status = 503;
                databaseDown = true;
                LOG.log(System.Logger.Level.WARNING, "database out of reach: " + uri + ": " + error);
            } else if (causedBy(error, jakarta.faces.application.ViewExpiredException.class)
                    || causedBy(error, jakarta.faces.application.ProtectedViewException.class)) {
                // A form whose view state is gone (the session ended) or was never ours (forged): the
                // client's request, not a server failure; the page is opened afresh.
                status = 400;
                expired = true;
            } else if (causedBy(error, EJBAccessException.class) || causedBy(error, OutsideJurisdictionException.class)) {
                status = 403;
            } else if (causedBy(error, NotFoundException.class)) {
                status = 404;
            } else {
                incident = UUID.randomUUID().toString();
                LOG.log(System.Logger.Level.ERROR, "incident " + incident + ": " + uri + " failed", error);
            }
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Error";
        };
        res.setStatus(status);
        res.setCharacterEncoding("UTF-8");
        if (databaseDown) {
            res.setHeader("Retry-After", String.valueOf(ProblemMapper.RETRY_AFTER_SECONDS));
        }
        if (databaseDown && uri.startsWith(req.getContextPath() + "/api")) {
            res.setContentType(Problem.MEDIA_TYPE);
            res.getWriter().write(Problem.json("database-unavailable", title, status, "the database cannot be reached"
                    + " just now; nothing was changed: send the request again shortly"));
        } else if (databaseDown) {
            res.setContentType("text/html");
            res.getWriter().write(outagePage(req.getMethod(), uri));
        } else if (uri.startsWith(req.getContextPath() + "/api")) {
            res.setContentType(Problem.MEDIA_TYPE);
            res.getWriter().write(Problem.json(status >= 500 ? "internal" : "http-" + status, title, status,
                    status >= 500 ? "the server failed" + (incident == null ? "" : "; quote incident " + incident
                            + " when reporting it") : title));
        } else {
            res.setContentType("text/html");
            String words = switch (status) {
                case 403, 404 -> "<h1>找不到该内容，或它不属于您的职责和管辖范围</h1>"
                        + "<p>Not found, or not for your role and jurisdiction.</p>";
                case 400 -> expired
                        ? "<h1>该页面已过期，请重新打开后再操作</h1><p>This page has expired or its form was not"
                        + " recognised; open the page again and repeat what you did.</p>"
                        + "<p><a href=\"" + escape(uri) + "\">重新打开 / Open it again</a></p>"
                        : "<h1>地址中的参数无效</h1><p>The address has an invalid parameter.</p>";
                default -> status >= 500
                        ? "<h1>系统出错了，您的操作可能未完成</h1><p>The server failed; what you did may not have been"
                        + " saved.</p>" + (incident == null ? "" : "<p>事件编号 / incident: <code>" + incident
                        + "</code>（请告知系统管理员 / quote it to your administrator）</p>")
                        : "<h1>" + status + " " + title + "</h1>";
            };
            res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>"
                    + status + " " + title + "</title></head><body style=\"font-family:sans-serif;margin:3em\">" + words
                    + "<p><a href=\"" + req.getContextPath() + "/app/index.xhtml\">返回首页 / Home</a></p></body></html>");
        }
    }

    /**
     * What a browser is shown while the database is out of reach: nothing was saved, it comes back by itself;
     * a page asked for with GET tries again every few seconds (a form is never sent again unasked).
     */
    public static String outagePage(String method, String again) {
        int wait = ProblemMapper.RETRY_AFTER_SECONDS;
        String retry = "GET".equals(method) ? "<meta http-equiv=\"refresh\" content=\"" + wait + "\">" : "";
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">" + retry
                + "<title>503 Service unavailable</title></head><body style=\"font-family:sans-serif;margin:3em\">"
                + "<h1>数据库暂时无法连接，您的操作没有保存</h1>"
                + "<p>数据库恢复后系统会自动恢复" + (retry.isEmpty() ? "，请稍后重试。" : "，本页每 " + wait + " 秒自动重试。") + "</p>"
                + "<p>The database cannot be reached for the moment; what you did was not saved. It usually comes back"
                + " within a minute" + (retry.isEmpty() ? "; try again shortly." : ": this page tries again by itself every "
                + wait + " seconds.") + "</p>"
                + "<p><a href=\"" + escape(again) + "\">立即重试 / Try again now</a></p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
