import { select, type Selection } from 'd3';

export type FigureSvg = Selection<SVGSVGElement, unknown, null, undefined>;

/** A figure's accessible name and description, and the base of their ids. */
interface FigureText {
  idBase: string;
  title: string;
  description: string;
}

/**
 * The svg of a figure read as one image: found in `host` by the first of its `classes`, or appended with
 * role="img", scaled to fit and top-aligned, named and described by its <title> and <desc> (ids
 * `<idBase>-title` and `-desc`); `build` adds the figure's own fixed parts once, when it is appended. The title
 * and description are set on every call.
 */
export function figureSvg(
  host: Element,
  classes: string,
  text: FigureText,
  build: (svg: FigureSvg) => void,
): FigureSvg {
  let svg: FigureSvg = select(host).select<SVGSVGElement>(`svg.${classes.split(' ')[0]}`);
  if (svg.empty()) {
    svg = select(host)
      .append('svg')
      .attr('class', classes)
      .attr('role', 'img')
      .attr('preserveAspectRatio', 'xMidYMin meet')
      .attr('aria-labelledby', `${text.idBase}-title`)
      .attr('aria-describedby', `${text.idBase}-desc`);
    svg.append('title').attr('id', `${text.idBase}-title`);
    svg.append('desc').attr('id', `${text.idBase}-desc`);
    build(svg);
  }
  svg.select('title').text(text.title);
  svg.select('desc').text(text.description);
  return svg;
}
