/** The reserve catalogue (储备目录): what relief materials exist, their class, unit, weight, volume and shelf life. */
package org.reliefchain.catalog;
