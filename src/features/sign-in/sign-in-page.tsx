/** The team-mode sign-in page: a password (user, domain, project) or an application credential. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '../../lib/describe-error';
import { forgetPersonData, signIn, teamKeys, type SignInRequest, type TeamStatus } from './team-api';

type Method = SignInRequest['method'];

const INPUT =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = `sign-in-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

export function SignInPage({
  cloud,
  notice,
  onSignedIn,
}: {
  cloud: string;
  notice: string | null;
  onSignedIn: () => void;
}) {
  const client = useQueryClient();
  const [method, setMethod] = useState<Method>('password');
  const [form, setForm] = useState({
    username: '',
    password: '',
    domain: 'Default',
    project: '',
    id: '',
    secret: '',
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const mutation = useMutation({
    mutationFn: (req: SignInRequest) => signIn(req),
    onSuccess: (person) => {
      forgetPersonData(client);
      client.setQueryData<TeamStatus>(teamKeys.status(), { team: true, cloud, signedIn: true, ...person });
      void client.invalidateQueries({ queryKey: teamKeys.all });
      onSignedIn();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      method === 'password'
        ? {
            method,
            username: form.username,
            password: form.password,
            domain: form.domain,
            project: form.project,
          }
        : { method, id: form.id, secret: form.secret },
    );
    setForm((f) => ({ ...f, password: '', secret: '' }));
  };

  const error = mutation.isError ? describeError(mutation.error) : null;
  return (
    <main className="flex h-full items-start justify-center overflow-auto bg-slate-50 p-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <form
        onSubmit={submit}
        aria-labelledby="sign-in-title"
        className="flex w-full max-w-sm flex-col gap-3 rounded border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <h1 id="sign-in-title" className="text-lg font-semibold">
          Sign in to Glance Lineage
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          With your own OpenStack account on cloud <strong>{cloud}</strong>. Your password goes to Keystone
          once and is not kept.
        </p>
        {notice ? (
          <p
            role="status"
            className="rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          >
            {notice}
          </p>
        ) : null}
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Sign in with</legend>
          {(
            [
              ['password', 'User and password'],
              ['application_credential', 'Application credential'],
            ] as const
          ).map(([m, label]) => (
            <label key={m} className="flex items-center gap-1">
              <input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} />
              {label}
            </label>
          ))}
        </fieldset>
        {method === 'password' ? (
          <>
            <Field label="User name">
              {(id) => (
                <input
                  id={id}
                  className={INPUT}
                  autoComplete="username"
                  required
                  value={form.username}
                  onChange={set('username')}
                />
              )}
            </Field>
            <Field label="Password">
              {(id) => (
                <input
                  id={id}
                  className={INPUT}
                  type="password"
                  autoComplete="current-password"
                  required
                  value={form.password}
                  onChange={set('password')}
                />
              )}
            </Field>
            <Field label="Domain">
              {(id) => (
                <input id={id} className={INPUT} required value={form.domain} onChange={set('domain')} />
              )}
            </Field>
            <Field label="Project (optional)">
              {(id) => (
                <input
                  id={id}
                  className={INPUT}
                  value={form.project}
                  onChange={set('project')}
                  placeholder="your default project"
                />
              )}
            </Field>
          </>
        ) : (
          <>
            <Field label="Application credential ID">
              {(id) => <input id={id} className={INPUT} required value={form.id} onChange={set('id')} />}
            </Field>
            <Field label="Secret">
              {(id) => (
                <input
                  id={id}
                  className={INPUT}
                  type="password"
                  autoComplete="off"
                  required
                  value={form.secret}
                  onChange={set('secret')}
                />
              )}
            </Field>
          </>
        )}
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error.message}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={mutation.isPending}
          className="rounded border border-sky-600 bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-50"
        >
          {mutation.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
