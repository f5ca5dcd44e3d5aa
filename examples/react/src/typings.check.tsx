/**
 * Type checks only (never bundled): the typings an app gets from `post-login-widgets/react`. Every event prop of
 * the wrappers and every listener prop of the plain tags is used with a field of its event class, and each
 * `@ts-expect-error` marks a prop that must be refused. test/build/examples.test.mjs runs tsc on this folder, so a
 * missing or loosened typing fails the build.
 */
import { useRef } from 'react';
import type { AddressErrorCode, ErrorCode, LinkErrorCode, Profile } from 'post-login-widgets';
import { AddressPicker, PostLogin, SwissIdLinkBanner } from 'post-login-widgets/react';

const seen: unknown[] = [];
const profileName = (profile: Profile | null) => profile?.name ?? '';
const errorCode = (code: ErrorCode | LinkErrorCode | AddressErrorCode) => code;

export function Wrappers() {
  const login = useRef<HTMLElementTagNameMap['post-login']>(null);
  return (
    <>
      <PostLogin
        ref={login}
        id="login"
        className="header-login"
        authority="https://login.swissid.ch"
        clientId="client"
        legacyAuthority="https://login.post.ch"
        legacyClientId="client"
        redirectUri="https://shop.example/"
        api="https://account.post.ch/api/"
        scope="openid profile email"
        apiScope="account.read"
        flow="popup"
        texts={{ signInSwissid: 'Mit SwissID anmelden' }}
        onReady={(event) => seen.push(profileName(event.profile), event.currentTarget.status)}
        onSignIn={(event) => seen.push(event.profile.name, event.via satisfies 'redirect' | 'popup' | 'other-tab')}
        onSignOut={(event) => seen.push(event.reason satisfies 'user' | 'other-tab')}
        onSessionExpired={(event) => seen.push(event.type)}
        onError={(event) => seen.push(errorCode(event.code), event.message)}
        onAccountChange={(event) => seen.push(event.account.id, event.account.type)}
        onLinkRequest={(event) => event.preventDefault()}
      />
      <SwissIdLinkBanner
        for="login"
        remindAfterDays={3}
        flow="redirect"
        onShown={(event) => seen.push(event.invited satisfies boolean)}
        onStarted={(event) => seen.push(event.type)}
        onLinked={(event) => seen.push(event.accounts.toFixed())}
        onDismissed={(event) => seen.push(event.until.toISOString())}
        onError={(event) => seen.push(errorCode(event.code))}
      />
      <form>
        <AddressPicker
          for="login"
          name="address"
          service="po-box"
          required
          timeout={10_000}
          headingLevel={2}
          onChange={(event) => seen.push(event.currentTarget.value)}
          onInput={(event) => seen.push(event.currentTarget.validity.valid)}
          onSave={(event) => seen.push(event.addressId, event.created satisfies boolean)}
          onRemove={(event) => seen.push(event.addressId)}
          onError={(event) => seen.push(errorCode(event.code), event.action satisfies 'load' | 'save' | 'remove')}
        />
      </form>
      {/* @ts-expect-error -- flow is 'redirect' or 'popup' */}
      <PostLogin flow="sideways" />
      {/* @ts-expect-error -- remindAfterDays is a number */}
      <SwissIdLinkBanner remindAfterDays="7" />
      {/* @ts-expect-error -- service is one of the four services */}
      <AddressPicker service="parcel" />
      {/* @ts-expect-error -- the sign-in event has no `code` */}
      <PostLogin onSignIn={(event) => event.code} />
    </>
  );
}

/** The plain tags with React 19's own custom-element support (no wrappers). */
export function PlainTags() {
  const picker = useRef<HTMLElementTagNameMap['address-picker']>(null);
  return (
    <>
      <post-login
        id="login"
        class="header-login"
        authority="https://login.swissid.ch"
        client-id="client"
        legacy-authority="https://login.post.ch"
        legacy-client-id="client"
        api="https://account.post.ch/api/"
        api-scope="account.read"
        flow="popup"
        text-sign-in-swissid="Mit SwissID anmelden"
        texts={{ signInSwissid: 'Mit SwissID anmelden' }}
        onpost-login-ready={(event) => seen.push(profileName(event.profile))}
        onpost-login-sign-in={(event) => seen.push(event.profile.name, event.via)}
        onpost-login-sign-out={(event) => seen.push(event.reason)}
        onpost-login-session-expired={(event) => seen.push(event.currentTarget.status)}
        onpost-login-error={(event) => seen.push(errorCode(event.code), event.message)}
        onpost-login-account-change={(event) => seen.push(event.account.id)}
        onpost-login-link-request={(event) => event.preventDefault()}
      />
      <swissid-link-banner
        for="login"
        remind-after-days={3}
        onswissid-link-banner-shown={(event) => seen.push(event.invited)}
        onswissid-link-banner-started={(event) => seen.push(event.type)}
        onswissid-link-banner-linked={(event) => seen.push(event.accounts.toFixed())}
        onswissid-link-banner-dismissed={(event) => seen.push(event.until.toISOString())}
        onswissid-link-banner-error={(event) => seen.push(errorCode(event.code))}
      />
      <address-picker
        ref={picker}
        for="login"
        name="address"
        service="forwarding"
        required
        heading-level={2}
        onChange={(event) => seen.push(event.currentTarget.value)}
        onaddress-picker-save={(event) => seen.push(event.addressId, event.created)}
        onaddress-picker-remove={(event) => seen.push(event.addressId)}
        onaddress-picker-error={(event) => seen.push(errorCode(event.code), event.action)}
      />
      {/* @ts-expect-error -- flow is 'redirect' or 'popup' */}
      <post-login flow="sideways" />
      {/* @ts-expect-error -- heading-level is a number */}
      <address-picker heading-level={{ level: 2 }} />
      {/* @ts-expect-error -- the error event's code is a string */}
      <post-login onpost-login-error={(event) => event.code.toFixed()} />
    </>
  );
}
