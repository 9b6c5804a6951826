package org.reliefchain.web.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.callup.CallUpService;
import org.reliefchain.finance.callup.CallUpView;
import org.reliefchain.platform.PageRequest;

/** The call-ups of the agreement shown on the agreement page, read once per request. */
@Named
@RequestScoped
public class AgreementCallUps {

    @Inject
    private CallUpService callUps;

    private final Map<Long, List<CallUpView>> read = new HashMap<>();

    public List<CallUpView> of(long agreement) {
        return read.computeIfAbsent(agreement, id -> {
            List<CallUpView> found = FacesMessages.attempt(() -> callUps.list(null, id, false,
                    new PageRequest(0, 100)).items());
            return found == null ? List.of() : found;
        });
    }
}
