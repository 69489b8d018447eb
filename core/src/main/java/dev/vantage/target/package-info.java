/** Target and port specifications: parsing, expansion and the scope guard. */
@NullMarked
package dev.vantage.target;

import org.jspecify.annotations.NullMarked;
