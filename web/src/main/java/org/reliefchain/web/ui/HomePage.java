package org.reliefchain.web.ui;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.home.HomeService;
import org.reliefchain.home.HomeView;

/** The home page: what waits for me, most urgent first, and the figures of my jurisdiction. */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private HomeService home;
    @Inject
    private LocaleSelector locale;

    private HomeView view;

    private HomeView view() {
        if (view == null) {
            view = home.home();
        }
        return view;
    }

    /** Waiting work, the urgent (above zero) first, the rest in their order. */
    public List<HomeView.Item> getWork() {
        return view().work().stream().sorted((a, b) -> Boolean.compare(b.urgent(), a.urgent())).toList();
    }

    public List<HomeView.Item> getFigures() {
        return view().figures();
    }

    public boolean isNothingWaiting() {
        return view().work().stream().allMatch(i -> "0".equals(i.value()));
    }

    public String workLabel(HomeView.Item item) {
        return locale.text("home.work." + item.key());
    }

    public String figureLabel(HomeView.Item item) {
        return locale.text("home.figure." + item.key());
    }

    /** Amounts in yuan with thousands separators; counts as they are. */
    public String value(HomeView.Item item) {
        if (item.key().startsWith("value.")) {
            return locale.yuan(item.value());
        }
        return item.value();
    }
}
