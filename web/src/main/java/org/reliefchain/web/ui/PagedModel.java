package org.reliefchain.web.ui;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/**
 * A table paged on the server: PrimeFaces asks for rows {@code first..first+size}, the service answers
 * one {@link Page}. Filters live in the page bean, which the loader reads when it is called.
 */
final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Serializable so that view-scoped beans holding the model can be passivated. */
    interface Loader<T> extends BiFunction<Integer, Integer, Page<T>>, java.io.Serializable {
    }

    interface Key<T> extends Function<T, String>, java.io.Serializable {
    }

    private final Loader<T> loader;
    private final Key<T> key;

    PagedModel(Loader<T> loader, Key<T> key) {
        this.loader = loader;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) loader.apply(0, 1).total();
        } catch (RuntimeException e) {
            if (!FacesMessages.refused(e)) {
                throw e;
            }
            return 0;
        }
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.min(Math.max(pageSize, 1), PageRequest.MAX_SIZE);
        Page<T> page;
        try {
            page = loader.apply(first / size, size);
        } catch (RuntimeException e) {
            // A filter the user may not use (another county's warehouse, a bad value) is a message, not an error page.
            if (!FacesMessages.refused(e)) {
                throw e;
            }
            setRowCount(0);
            return List.of();
        }
        setRowCount((int) page.total());
        // kept by PrimeFaces with the bean in the session: a copy that serializes (a service may answer a sub-list)
        return new java.util.ArrayList<>(page.items());
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    @Override
    public T getRowData(String rowKey) {
        return null;
    }
}
