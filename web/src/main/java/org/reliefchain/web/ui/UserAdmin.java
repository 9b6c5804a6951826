package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.NewUser;
import org.reliefchain.security.Role;
import org.reliefchain.security.UserChange;
import org.reliefchain.security.UserService;
import org.reliefchain.security.UserView;

/** User administration page: list, create, change role and jurisdiction, disable and enable. */
@Named
@ViewScoped
public class UserAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private org.reliefchain.web.security.SignInThrottle throttle;
    @Inject
    private UserService users;

    @Inject
    private LocaleSelector locale;

    private List<UserView> list;
    private String filter;

    // the create form
    private String username;
    private String displayName;
    private Role role = Role.WAREHOUSE_MANAGER;
    private String jurisdiction;
    private String password;

    // the edit dialog
    private String editing;
    private String editDisplayName;
    private Role editRole;
    private String editJurisdiction;
    private long editVersion;
    private String newPassword;

    @PostConstruct
    void init() {
        reload();
    }

    public void reload() {
        list = users.list(filter, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    public void create() {
        UserView created = FacesMessages.attempt(() -> users.create(new NewUser(trim(username), trim(displayName), role,
                Pickers.code(jurisdiction), password)));
        if (created != null) {
            FacesMessages.info(locale.text("user.created", created.username()));
            username = displayName = jurisdiction = password = null;
            reload();
        }
    }

    public void edit(UserView user) {
        editing = user.username();
        editDisplayName = user.displayName();
        editRole = user.role();
        editJurisdiction = user.jurisdiction();
        editVersion = user.version();
        newPassword = null;
    }

    public void save() {
        UserView saved = FacesMessages.attempt(() -> users.change(editing, new UserChange(trim(editDisplayName),
                editRole, Pickers.code(editJurisdiction), editVersion)));
        if (saved != null && (newPassword == null || newPassword.isEmpty()
                || FacesMessages.attempt(() -> users.resetPassword(editing, newPassword)) != null)) {
            FacesMessages.info(locale.text("user.saved", saved.username()));
            reload();
        }
    }

    public void disable(UserView user) {
        if (FacesMessages.attempt(() -> users.disable(user.username())) != null) {
            reload();
        }
    }

    public void enable(UserView user) {
        if (FacesMessages.attempt(() -> users.enable(user.username())) != null) {
            reload();
        }
    }

    public void unlock(UserView user) {
        if (FacesMessages.attempt(() -> users.unlockSignIn(user.username())) != null) {
            FacesMessages.info(locale.text("user.unlocked", user.username()));
            reload();
        }
    }

    /** Minutes (rounded up) the user's name is still closed to sign-ins after wrong passwords; 0 when open. */
    public long lockedMinutes(UserView user) {
        java.time.Duration closed = throttle.closedFor(user.username());
        return closed.isZero() ? 0 : (closed.toSeconds() + 59) / 60;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String roleLabel(Role r) {
        return r == null ? "" : locale.text("role." + r.name());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    public List<UserView> getList() { return list; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getJurisdiction() { return jurisdiction; }
    public void setJurisdiction(String jurisdiction) { this.jurisdiction = jurisdiction; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getEditing() { return editing; }
    public String getEditDisplayName() { return editDisplayName; }
    public void setEditDisplayName(String editDisplayName) { this.editDisplayName = editDisplayName; }
    public Role getEditRole() { return editRole; }
    public void setEditRole(Role editRole) { this.editRole = editRole; }
    public String getEditJurisdiction() { return editJurisdiction; }
    public void setEditJurisdiction(String editJurisdiction) { this.editJurisdiction = editJurisdiction; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
}
