import { Flex } from 'antd';
import { CreateArticleButton } from './CreateArticleButton';
import { isResolvedStatus } from './from-fault';
import { KbLinks } from './KbLinks';

/**
 * The knowledge-base line of a fault's page: "Create article from this fault" once it is resolved,
 * and the articles written from it. Renders nothing on an open fault without articles.
 */
export function FaultKbBar({ faultId, status }: { faultId: string; status: string }) {
  if (!isResolvedStatus(status)) return <KbLinksIfAny faultId={faultId} />;
  return (
    <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }} data-testid="fault-kb">
      <CreateArticleButton faultId={faultId} />
      <KbLinks faultId={faultId} />
    </Flex>
  );
}

function KbLinksIfAny({ faultId }: { faultId: string }) {
  return (
    <div style={{ marginBottom: 8 }} data-testid="fault-kb">
      <KbLinks faultId={faultId} hideWhenNone />
    </div>
  );
}
