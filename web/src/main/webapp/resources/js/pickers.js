/*
 * Material menus filter by what people type: part of the name or the code, or the pinyin initials of the
 * Chinese name ("mb" for 棉被), typed without a Chinese input method. Each option reads "name (CODE)"; the page
 * lists the initials of every code in window.rcInitials ("cxx zxx" where a character has two readings).
 * PrimeFaces hands the function the label as it searches it (lower case), so the code is looked up in upper case.
 */
function rcMaterialMatch(itemLabel, filterValue) {
    var label = (itemLabel || '').toLowerCase();
    var typed = (filterValue || '').trim().toLowerCase();
    if (typed === '' || label.indexOf(typed) >= 0) {
        return true;
    }
    var open = itemLabel.lastIndexOf('(');
    var code = open >= 0 ? itemLabel.substring(open + 1, itemLabel.lastIndexOf(')')).toUpperCase() : '';
    var initials = (window.rcInitials || {})[code] || '';
    return initials.split(' ').some(function (spelling) { return spelling.indexOf(typed) >= 0; });
}
