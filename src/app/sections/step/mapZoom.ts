import { createContext, useContext } from 'react';

/**
 * How many times larger than laid out the step-through's activation maps are shown: 1, or 2 while the reader
 * asks for larger maps (a phone shows 256 maps of a few pixels each). The panel scrolls to show them.
 */
export const MapZoomContext = createContext(1);

export const useMapZoom = (): number => useContext(MapZoomContext);
