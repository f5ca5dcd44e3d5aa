/**
 * A stand-in for 'vue', which this repository does not install: only the types post-login-widgets/vue uses
 * (`GlobalComponents`, `HTMLAttributes`, `PublicProps`, `EmitFn`), shaped as Vue 3.5 declares them (runtime-core and
 * runtime-dom), with `HTMLAttributes` cut down to a few global attributes. tsconfig.json maps 'vue' here. It checks the
 * shape of the augmentation; what Vue's own template checker (vue-tsc) makes of it needs a Vue project.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as in Vue: the interface libraries augment
export interface GlobalComponents {}

export interface HTMLAttributes {
  class?: unknown;
  style?: unknown;
  id?: string;
  lang?: string;
  title?: string;
  hidden?: boolean | 'true' | 'false' | '' | 'hidden' | 'until-found';
  role?: string;
  tabindex?: number | string;
}

type VNodeProps = { key?: PropertyKey; ref?: unknown; ref_for?: boolean; ref_key?: string };
type AllowedComponentProps = { class?: unknown; style?: unknown };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- as in Vue: the interface apps augment
interface ComponentCustomProps {}
export type PublicProps = VNodeProps & AllowedComponentProps & ComponentCustomProps;

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type ObjectEmitsOptions = Record<string, ((...args: never[]) => unknown) | null>;
export type EmitFn<Options = ObjectEmitsOptions, Event extends keyof Options = keyof Options> =
  Options extends Array<infer V>
    ? (event: V, ...args: unknown[]) => void
    : {} extends Options // eslint-disable-line @typescript-eslint/no-empty-object-type -- Vue's own test for "no emits"
      ? (event: string, ...args: unknown[]) => void
      : UnionToIntersection<
          {
            [Key in Event]: Options[Key] extends (...args: infer Args) => unknown
              ? (event: Key, ...args: Args) => void
              : (event: Key, ...args: unknown[]) => void;
          }[Event]
        >;
