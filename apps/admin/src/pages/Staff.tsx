// Staff administration: who has an account and with which role, suspension, invitations by email.
// Anyone with staff:view sees the lists; staff:manage adds the controls. The API enforces the rules (the last
// owner, only owners make owners, no suspending yourself) and its messages are shown as they come.
import type { Me as Signed } from '../me.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Field, SelectField } from '../Field.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorSummary, useFormState } from '../ui/form.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';
import { useOrgTime } from '../org-time.js';
import {
  assignableRoles,
  roleAbilities,
  roleLabel,
  roleLabels,
  staffRoles,
  type StaffRole,
} from '../permissions.js';
import { useTRPC } from '../trpc.js';

type Me = Pick<Signed, 'id' | 'role'>;
type Person = { id: string; name: string; email: string; role: string; suspendedAt: Date | null };
type Invitation = {
  id: string;
  email: string;
  role: string;
  state: string;
  createdAt: Date;
  expiresAt: Date;
};
/** Invalidates the staff list after any change, so every section shows the server's view. */
function useRefreshStaff() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() }),
      // Your own role may have changed, and with it what the navigation should offer.
      queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }),
    ]);
}

export function Staff({ me, canManage }: { me: Me; canManage: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.staff.list.queryOptions());
  const [report, { notice, problem }] = useReport();

  return (
    <>
      <h1>Staff</h1>
      <p>
        Everyone who can sign in to this admin, and what their role lets them do.
        {canManage
          ? ' Suspending someone signs them out at once and stops them signing in until reactivated.'
          : ''}
      </p>
      <ReportRegions notice={notice} problem={problem} />
      {list.isPending ? <p role="status">Loading staff…</p> : null}
      {list.isError ? <p role="alert">Could not load the staff: {list.error.message}</p> : null}
      {list.data ? (
        <>
          <StaffTable staff={list.data.staff} me={me} canManage={canManage} report={report} />
          {canManage ? <InviteForm myRole={me.role} report={report} /> : null}
          <Invitations invitations={list.data.invitations} canManage={canManage} report={report} />
          <RoleGuide />
        </>
      ) : null}
    </>
  );
}

function StaffTable({
  staff,
  me,
  canManage,
  report,
}: {
  staff: Person[];
  me: Me;
  canManage: boolean;
  report: Report;
}) {
  const at = useOrgTime();
  return (
    <section aria-labelledby="people-h">
      <h2 id="people-h">People</h2>
      <DataTable
        caption="Staff members and their roles"
        rows={staff}
        rowKey={(person) => person.id}
        empty={<p>No one has an account yet.</p>}
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (person) => (
              <>
                {person.name}
                {person.id === me.id ? <span className="detail"> (you)</span> : null}
              </>
            ),
          },
          { header: 'Email', cell: (person) => person.email },
          {
            header: 'Role',
            cell: (person) =>
              canManage ? (
                <RoleChanger key={person.role} person={person} myRole={me.role} report={report} />
              ) : (
                roleLabel(person.role)
              ),
          },
          {
            header: 'Status',
            cell: (person) =>
              person.suspendedAt ? (
                <span className="badge failed">Suspended since {at(person.suspendedAt)}</span>
              ) : (
                <span className="badge sent">Active</span>
              ),
          },
          canManage && {
            header: 'Actions',
            hiddenHeader: true,
            cell: (person) =>
              person.id === me.id ? null : <SuspendButton person={person} report={report} />,
          },
        ]}
      />
    </section>
  );
}

function RoleChanger({ person, myRole, report }: { person: Person; myRole: string; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshStaff();
  const selectId = useId();
  const [role, setRole] = useState(person.role);
  const change = useMutation(trpc.staff.changeRole.mutationOptions({ onSettled: refresh }));

  function submit(event: FormEvent) {
    event.preventDefault();
    report.clear();
    change.mutate(
      { userId: person.id, role: role as StaffRole },
      {
        onSuccess: () => report.done(`${person.name} is now ${roleLabel(role)}.`),
        onError: (error) => {
          report.failed(error);
          setRole(person.role);
        },
      },
    );
  }

  return (
    <form className="inline-field" onSubmit={submit}>
      <label htmlFor={selectId} className="sr-only">
        Role of {person.name}
      </label>
      <select id={selectId} value={role} onChange={(e) => setRole(e.target.value)}>
        {assignableRoles(myRole, person.role).map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="secondary"
        disabled={role === person.role || change.isPending}
        aria-label={`Change role of ${person.name}`}
      >
        Change
      </button>
    </form>
  );
}

function SuspendButton({ person, report }: { person: Person; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshStaff();
  const suspend = useMutation(trpc.staff.suspend.mutationOptions({ onSettled: refresh }));
  const reactivate = useMutation(trpc.staff.reactivate.mutationOptions({ onSettled: refresh }));
  const callbacks = (message: string) => ({ onSuccess: () => report.done(message), onError: report.failed });
  const { confirm, dialog } = useConfirm();

  if (person.suspendedAt) {
    return (
      <button
        type="button"
        className="secondary"
        disabled={reactivate.isPending}
        aria-label={`Reactivate ${person.name}`}
        onClick={() => {
          report.clear();
          reactivate.mutate(
            { userId: person.id },
            callbacks(`Reactivated ${person.name}: they can sign in again`),
          );
        }}
      >
        Reactivate
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={suspend.isPending}
        aria-label={`Suspend ${person.name}`}
        onClick={async () => {
          const sure = await confirm({
            title: `Suspend ${person.name}?`,
            message: 'They will be signed out at once and cannot sign in until someone reactivates them.',
            confirmLabel: 'Suspend',
          });
          if (!sure) return;
          report.clear();
          suspend.mutate(
            { userId: person.id },
            callbacks(`Suspended ${person.name}: their sessions have ended`),
          );
        }}
      >
        Suspend
      </button>
      {dialog}
    </>
  );
}

function InviteForm({ myRole, report }: { myRole: string; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshStaff();
  const invite = useMutation(trpc.staff.invite.mutationOptions({ onSuccess: refresh }));
  const form = useFormState<{ email: string; role: StaffRole }>({ email: '', role: 'editor' }, invite.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    report.clear();
    invite.mutate(form.values, {
      onSuccess: (data) => {
        report.done(`Invitation sent to ${data.email}`);
        form.setValues({ email: '', role: form.values.role });
      },
    });
  }

  return (
    <section aria-labelledby="invite-h">
      <h2 id="invite-h">Invite a staff member</h2>
      <form className="panel" onSubmit={submit} noValidate>
        <p className="hint">
          We email them a link to set up their account with their own name and password. Until they use it,
          the invitation is listed below with the date it expires.
        </p>
        <ErrorSummary
          form={form}
          title="The invitation was not sent"
          labels={{ email: 'Email address', role: 'Role' }}
        />
        <Field label="Email address" type="email" autoComplete="off" required {...form.field('email')} />
        <SelectField
          label="Role"
          options={assignableRoles(myRole).map((r) => [r, roleLabels[r]] as const)}
          {...form.field('role')}
        />
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </form>
    </section>
  );
}

function Invitations({
  invitations,
  canManage,
  report,
}: {
  invitations: Invitation[];
  canManage: boolean;
  report: Report;
}) {
  const at = useOrgTime();
  return (
    <section aria-labelledby="invitations-h">
      <h2 id="invitations-h">Open invitations</h2>
      <DataTable
        caption="Open invitations"
        rows={invitations}
        rowKey={(inv) => inv.id}
        empty={
          <p>
            No open invitations.
            {canManage ? ' Use the form above to invite someone; their invitation will be listed here.' : ''}
          </p>
        }
        columns={[
          { header: 'Email', rowHeader: true, cell: (inv) => inv.email },
          { header: 'Role', cell: (inv) => roleLabel(inv.role) },
          { header: 'Sent', cell: (inv) => at(inv.createdAt) },
          {
            header: 'Expires',
            cell: (inv) =>
              inv.state === 'expired' ? (
                <>
                  <span className="badge failed">Expired</span>
                  {canManage ? <span className="detail"> Invite them again to send a new link.</span> : null}
                </>
              ) : (
                at(inv.expiresAt)
              ),
          },
          canManage && {
            header: 'Actions',
            hiddenHeader: true,
            cell: (inv) => <WithdrawButton invitation={inv} report={report} />,
          },
        ]}
      />
    </section>
  );
}

function WithdrawButton({ invitation, report }: { invitation: Invitation; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshStaff();
  const withdraw = useMutation(trpc.staff.revokeInvitation.mutationOptions({ onSettled: refresh }));
  return (
    <button
      type="button"
      className="secondary"
      disabled={withdraw.isPending}
      aria-label={`Withdraw the invitation to ${invitation.email}`}
      onClick={() => {
        report.clear();
        withdraw.mutate(
          { invitationId: invitation.id },
          {
            onSuccess: () => report.done(`Withdrew the invitation to ${invitation.email}`),
            onError: report.failed,
          },
        );
      }}
    >
      Withdraw
    </button>
  );
}

/** What each role may do, from the permission matrix the API enforces. */
function RoleGuide() {
  return (
    <section aria-labelledby="roles-h">
      <h2 id="roles-h">What each role may do</h2>
      {staffRoles.map((role) => (
        <details key={role} className="role-guide">
          <summary>{roleLabels[role]}</summary>
          <p>
            {role === 'owner'
              ? 'Everything, and only owners can make or change another owner. There is always at least one. '
              : ''}
            May {roleAbilities(role).join(', ')}.
          </p>
        </details>
      ))}
    </section>
  );
}
