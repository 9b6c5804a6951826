package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.place.AirKind;
import org.reliefchain.place.PlaceForm;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.place.PlaceQuery;
import org.reliefchain.place.PlaceService;
import org.reliefchain.place.PlaceView;
import org.reliefchain.place.PositionOrigin;
import org.reliefchain.platform.PageRequest;

/**
 * Ports, air bases, landing points and shelters, one kind at a time, with where each position comes
 * from. Rows the viewer may change (the service's {@code editable}) can be edited; new ones added.
 */
@Named
@ViewScoped
public class PlaceDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PlaceService places;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    private PlaceKind kind = PlaceKind.PORT;
    private String division;
    private String text;
    private LazyDataModel<PlaceView> list;

    private PlaceForm form;
    private PlaceKind formKind;
    private String editing;

    @PostConstruct
    void init() {
        list = new PagedModel<>((page, size) -> places.list(new PlaceQuery(kind,
                Pickers.code(division) == null ? null : DivisionCode.parse("division", Pickers.code(division)), text),
                PageRequest.of(page, size)), PlaceView::code);
    }

    public void search() {
        // the lazy model reads the filters when the table reloads
    }

    public void startNew() {
        editing = null;
        formKind = kind;
        form = new PlaceForm();
        if (kind == PlaceKind.AIR_BASE) {
            form.setAirKind(AirKind.HELIPORT);
        }
    }

    public void edit(PlaceView p) {
        editing = p.code();
        formKind = p.kind();
        form = new PlaceForm();
        form.setCode(p.code());
        form.setNameZh(p.nameZh());
        form.setNameEn(p.nameEn());
        form.setDivision(pickers.divisionName(p.division()) + " (" + p.division() + ")");
        form.setLon(p.lon());
        form.setLat(p.lat());
        form.setAirKind(p.airKind());
        form.setCapacityPeople(p.capacityPeople());
        form.setServes(p.serves());
        form.setNote(p.note());
        form.setVersion(p.version());
    }

    public void save() {
        form.setDivision(Pickers.code(form.getDivision()));
        PlaceView saved = FacesMessages.attempt(() -> editing == null ? places.create(formKind, form)
                : places.update(formKind, editing, form));
        if (saved != null) {
            FacesMessages.info(locale.text(editing == null ? "place.created" : "place.saved", saved.code()));
            form = null;
            editing = null;
        }
    }

    public void cancel() {
        form = null;
        editing = null;
    }

    public String kindLabel(PlaceKind k) {
        return locale.text("place.kind." + k);
    }

    public String airKindLabel(AirKind k) {
        return k == null ? "" : locale.text("place.air." + k);
    }

    public String originLabel(PositionOrigin o) {
        return locale.text("place.origin." + o);
    }

    public List<PlaceKind> getKinds() { return List.of(PlaceKind.values()); }
    public List<AirKind> getAirKinds() { return List.of(AirKind.values()); }
    public LazyDataModel<PlaceView> getList() { return list; }
    public PlaceKind getKind() { return kind; }
    public void setKind(PlaceKind kind) { this.kind = kind; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public PlaceForm getForm() { return form; }
    public PlaceKind getFormKind() { return formKind; }
    public boolean isEditingExisting() { return editing != null; }
}
