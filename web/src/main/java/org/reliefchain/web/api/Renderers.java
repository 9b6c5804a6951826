package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.reliefchain.reports.ReportRenderer;

/** One renderer for the application: it caches the compiled templates. */
@ApplicationScoped
public class Renderers {

    @Produces
    @ApplicationScoped
    ReportRenderer renderer() {
        return new ReportRenderer();
    }
}
